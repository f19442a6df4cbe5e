stamp --sql cd61d8f16adf:afbd619699cf

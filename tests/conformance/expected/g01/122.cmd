downgrade afbd619699cf:cd61d8f16adf --sql

stamp --sql head:afbd619699cf

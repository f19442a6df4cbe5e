stamp --sql afbd619699cf:base

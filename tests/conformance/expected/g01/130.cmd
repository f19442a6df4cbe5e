downgrade afbd619699cf:base --sql

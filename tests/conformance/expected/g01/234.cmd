downgrade afbd619699cf:afbd619699cf-2 --sql

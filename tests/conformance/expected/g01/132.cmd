downgrade afbd619699cf:-1 --sql

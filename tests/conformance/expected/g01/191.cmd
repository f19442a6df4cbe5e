downgrade afbd619699cf:nosuch --sql

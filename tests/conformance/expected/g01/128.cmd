downgrade afbd619699cf:025b8a9a021e --sql

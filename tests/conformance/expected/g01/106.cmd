upgrade afbd619699cf --sql

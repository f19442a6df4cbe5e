upgrade heads:afbd619699cf --sql

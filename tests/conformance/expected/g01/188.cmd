downgrade head:afbd619699cf --sql

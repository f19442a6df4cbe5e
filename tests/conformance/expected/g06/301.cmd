upgrade 7d2445cf8aa4:5c83a22ba4d7-1 --sql

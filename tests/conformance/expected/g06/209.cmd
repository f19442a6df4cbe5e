upgrade 7d2445c --sql

downgrade 7d2445c:base --sql

upgrade a502b2aaf854 --sql

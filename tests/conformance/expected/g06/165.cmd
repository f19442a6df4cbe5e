downgrade a502b2aaf854:-1 --sql

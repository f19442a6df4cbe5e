downgrade head:a502b2aaf854 --sql

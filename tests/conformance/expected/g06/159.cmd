downgrade a502b2aaf854:base --sql

downgrade a1000001:a1000004 --sql

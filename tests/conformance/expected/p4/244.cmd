downgrade a1000001:a1000002 --sql

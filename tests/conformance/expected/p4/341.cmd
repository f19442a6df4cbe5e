downgrade a1000002:a1000002-2 --sql

downgrade a1000002:a1000001 --sql

downgrade a1000004:a1000001 --sql

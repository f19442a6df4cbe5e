downgrade a1000004:a1000002 --sql

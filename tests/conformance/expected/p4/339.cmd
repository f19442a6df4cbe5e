downgrade a1000004:a1000004-2 --sql

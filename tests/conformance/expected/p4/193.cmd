downgrade a1000004:base --sql

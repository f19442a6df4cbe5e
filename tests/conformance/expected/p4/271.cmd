downgrade a100:base --sql

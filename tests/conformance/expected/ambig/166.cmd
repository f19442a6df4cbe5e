downgrade b9b9b9b9:base --sql

downgrade n100000:base --sql

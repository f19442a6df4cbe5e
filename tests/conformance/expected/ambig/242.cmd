downgrade abcd:base --sql

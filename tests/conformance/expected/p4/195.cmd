downgrade n1000003:base --sql

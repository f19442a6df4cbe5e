downgrade head:base --sql

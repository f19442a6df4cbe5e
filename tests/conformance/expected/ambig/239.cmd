downgrade head:b9b9b9b9 --sql

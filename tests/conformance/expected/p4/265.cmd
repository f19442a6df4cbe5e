downgrade head:a1000004 --sql

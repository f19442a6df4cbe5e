downgrade head:5c41e9a51fb2 --sql

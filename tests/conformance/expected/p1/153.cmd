downgrade head:27c6a30d7c24 --sql

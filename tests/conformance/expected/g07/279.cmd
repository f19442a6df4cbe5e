downgrade head:451af1d69ed6 --sql

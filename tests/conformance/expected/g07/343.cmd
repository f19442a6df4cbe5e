upgrade b:451af1d69ed6-1 --sql

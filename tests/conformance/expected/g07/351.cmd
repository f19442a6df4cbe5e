downgrade 451af1d69ed6:451af1d69ed6-2 --sql

downgrade 451af1d69ed6:b --sql

downgrade 451af1d69ed6:billing@base --sql

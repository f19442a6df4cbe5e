downgrade head:685695c76ab4 --sql

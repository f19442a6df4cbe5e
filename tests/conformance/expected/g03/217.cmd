downgrade 685695c76ab4:-1 --sql

downgrade 685695c76ab4:685695c76ab4-2 --sql

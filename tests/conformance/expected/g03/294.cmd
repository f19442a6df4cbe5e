downgrade 685695c76ab4:nosuch --sql

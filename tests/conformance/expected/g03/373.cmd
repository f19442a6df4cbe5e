downgrade 685695c76ab4:delta@base --sql

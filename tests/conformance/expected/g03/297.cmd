downgrade 5636e779c470:nosuch --sql

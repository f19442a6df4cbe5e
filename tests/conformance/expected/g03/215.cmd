downgrade 5636e779c470:base --sql

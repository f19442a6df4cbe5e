downgrade 5636e779c470:-1 --sql

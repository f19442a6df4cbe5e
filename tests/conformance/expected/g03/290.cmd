downgrade head:5636e779c470 --sql

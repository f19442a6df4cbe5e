downgrade 5636e779c470:zz@base --sql

downgrade 5636e779c470:28ce10645d51 --sql

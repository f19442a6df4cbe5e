stamp --sql 5636e779c470:base

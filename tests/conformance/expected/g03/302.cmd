stamp --sql head:5636e779c470

merge -m "join" nosuch 5636e779c470

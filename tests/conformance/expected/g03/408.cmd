merge -m "join" 28ce10645d51 5636e779c470

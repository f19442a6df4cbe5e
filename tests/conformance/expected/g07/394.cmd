merge -m "join" 099936f675cc 7403e93f4a5a

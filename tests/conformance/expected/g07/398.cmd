merge -m "join" 5d9d

merge -m "join" 7403e

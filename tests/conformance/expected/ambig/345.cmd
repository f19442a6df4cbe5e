merge -m "join" abcd

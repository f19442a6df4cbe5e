merge -m "join" n100000

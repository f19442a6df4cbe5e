merge -m "join" aaaa0001 eeee0001

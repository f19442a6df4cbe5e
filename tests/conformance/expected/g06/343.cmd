merge -m "join" 096d

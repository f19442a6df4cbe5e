merge -m "join" bbbb000

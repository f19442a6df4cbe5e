merge -m "join" bbbb

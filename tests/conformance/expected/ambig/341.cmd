merge -m "join" abcd1111 f00dbeef0003

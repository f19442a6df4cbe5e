merge -m "join" abcd1111 b9b9b9b9

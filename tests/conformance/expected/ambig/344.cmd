merge -m "join" nosuch b9b9b9b9

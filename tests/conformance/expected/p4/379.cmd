merge -m "join" nosuch n1000003

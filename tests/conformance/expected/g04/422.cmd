merge -m "join" nosuch c3e4d9196ada

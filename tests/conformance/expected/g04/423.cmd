merge -m "join" nosuch 14c10b11ad28

merge -m "join" nosuch 27c6a30d7c24

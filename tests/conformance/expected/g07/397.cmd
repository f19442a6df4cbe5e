merge -m "join" nosuch 7403e93f4a5a

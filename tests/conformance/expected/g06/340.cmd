merge -m "join" nosuch 5c41e9a51fb2

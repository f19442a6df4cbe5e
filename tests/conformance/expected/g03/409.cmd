merge -m "join" nosuch 685695c76ab4

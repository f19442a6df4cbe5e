merge -m "join" nosuch 451af1d69ed6

merge -m "join" nosuch afbd619699cf

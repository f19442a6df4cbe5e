merge -m "join" nosuch f00dbeef0003

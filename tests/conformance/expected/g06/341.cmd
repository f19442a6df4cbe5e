merge -m "join" nosuch a502b2aaf854

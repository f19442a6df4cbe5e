merge -m "join" nosuch a1000004

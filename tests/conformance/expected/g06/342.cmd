merge -m "join" nosuch 5c83a22ba4d7

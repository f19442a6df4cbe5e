merge -m "join" nosuch 42a0ce80c4b0

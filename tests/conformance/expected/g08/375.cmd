merge -m "join" c24f3bf36a14 d45c9ec353c1

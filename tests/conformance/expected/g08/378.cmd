merge -m "join" nosuch d45c9ec353c1

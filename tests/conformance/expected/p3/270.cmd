merge -m "join" nosuch eeee0001

history -r 1975ea83b712+1:

history -r 5c6e:

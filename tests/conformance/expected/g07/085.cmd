history -r 7403e:

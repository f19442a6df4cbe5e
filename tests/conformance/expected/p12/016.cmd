history -r 0f1e:

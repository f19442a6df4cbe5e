heads -v

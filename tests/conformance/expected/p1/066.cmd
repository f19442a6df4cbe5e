show 1

show 0

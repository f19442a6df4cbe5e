show 2

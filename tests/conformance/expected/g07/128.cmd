show 3

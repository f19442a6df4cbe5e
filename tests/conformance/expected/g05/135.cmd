show 8

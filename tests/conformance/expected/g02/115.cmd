show 4

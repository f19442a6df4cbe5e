show 7

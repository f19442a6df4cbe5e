show 8c

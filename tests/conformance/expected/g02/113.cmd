show 5c

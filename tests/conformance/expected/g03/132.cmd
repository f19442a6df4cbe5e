show 9b

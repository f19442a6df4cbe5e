show 5b

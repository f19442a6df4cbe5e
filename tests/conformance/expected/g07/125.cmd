show 5d9d1

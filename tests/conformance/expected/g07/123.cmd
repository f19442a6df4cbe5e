show 5d9d0

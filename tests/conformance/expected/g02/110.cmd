show 5c6e

show 1e

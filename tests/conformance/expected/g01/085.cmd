show 1e2f

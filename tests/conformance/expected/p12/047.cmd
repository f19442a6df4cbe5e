show 0f1e

show 7403e

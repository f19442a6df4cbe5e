show 2163

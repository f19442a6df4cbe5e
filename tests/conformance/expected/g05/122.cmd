show 05854c7d6df0

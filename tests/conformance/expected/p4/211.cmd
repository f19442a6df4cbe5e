stamp --sql z1000001

stamp --sql z

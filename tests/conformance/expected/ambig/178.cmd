stamp --sql ab

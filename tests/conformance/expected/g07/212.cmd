stamp --sql b

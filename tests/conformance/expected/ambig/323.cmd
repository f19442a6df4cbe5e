stamp --sql b9

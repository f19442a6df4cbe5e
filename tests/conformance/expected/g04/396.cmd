stamp --sql b8

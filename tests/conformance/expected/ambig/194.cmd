stamp --sql b9b9b9b9:base

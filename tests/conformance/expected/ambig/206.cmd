stamp --sql b9:b9b9b9b9 b9:b9b9b9b9

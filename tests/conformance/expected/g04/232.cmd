stamp --sql b8a11a6916c7

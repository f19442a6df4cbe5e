stamp --sql b:451af1d69ed6

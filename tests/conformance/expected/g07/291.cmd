stamp --sql head:451af1d69ed6

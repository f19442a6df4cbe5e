stamp --sql d7

stamp --sql d

stamp --sql cd6

stamp --sql head:795b9a9a80fd

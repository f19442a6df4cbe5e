stamp --sql head:5d9d0ed99531

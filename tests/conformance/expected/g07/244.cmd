stamp --sql b:5d9d0ed99531 b:5d9d0ed99531

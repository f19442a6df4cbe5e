stamp --sql head:e8d5d52d5759

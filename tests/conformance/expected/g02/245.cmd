stamp --sql head:8384ffa9b9f1

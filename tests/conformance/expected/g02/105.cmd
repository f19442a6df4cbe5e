show 8384ffa9b9f1

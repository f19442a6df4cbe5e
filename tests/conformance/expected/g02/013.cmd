history -r 8384ffa9b9f1:e8625186ee32

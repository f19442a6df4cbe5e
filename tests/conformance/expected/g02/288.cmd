upgrade e8625186ee32:8384ffa9b9f1-1 --sql

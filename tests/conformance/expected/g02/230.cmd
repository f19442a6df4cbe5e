upgrade heads:8384ffa9b9f1 --sql

downgrade 8384ffa9b9f1:8384ffa9b9f1-2 --sql

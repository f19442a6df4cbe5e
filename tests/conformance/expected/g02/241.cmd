downgrade 8384ffa9b9f1:nosuch --sql

downgrade 1607b0f91306:c24f3bf36a14 --sql

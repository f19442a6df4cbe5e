downgrade 5c83a22ba4d7:5c83a22ba4d7-2 --sql

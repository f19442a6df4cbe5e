downgrade 27c6a30d7c24:27c6a30d7c24-2 --sql

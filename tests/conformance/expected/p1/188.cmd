upgrade ae1027a6acf:27c6a30d7c24-1 --sql

upgrade bbbb000 --sql

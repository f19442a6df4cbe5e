upgrade n100000 --sql

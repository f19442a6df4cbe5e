upgrade f00dbeef0003 --sql

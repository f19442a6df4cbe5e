downgrade head:f00dbeef0003 --sql

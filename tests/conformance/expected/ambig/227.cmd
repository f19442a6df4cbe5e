upgrade heads:f00dbeef0003 --sql

upgrade b9b9b9b9:f00dbeef0003 --sql

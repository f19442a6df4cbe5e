downgrade f00dbeef0003:f00dbeef0003-2 --sql

downgrade f00dbeef0003:base --sql

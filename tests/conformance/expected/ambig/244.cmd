downgrade f00dbeef0003:nosuch --sql

downgrade f00dbeef0003:-1 --sql

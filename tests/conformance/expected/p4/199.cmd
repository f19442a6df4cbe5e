downgrade n1000003:-1 --sql

downgrade eeee0001:-1 --sql

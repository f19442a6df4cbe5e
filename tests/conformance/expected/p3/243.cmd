downgrade eeee0001:eeee0001-2 --sql

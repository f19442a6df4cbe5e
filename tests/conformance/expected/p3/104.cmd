upgrade eeee0001 --sql

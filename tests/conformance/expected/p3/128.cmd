downgrade eeee0001:cccc0001 --sql

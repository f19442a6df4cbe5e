downgrade eeee0001:aaaa0001 --sql

upgrade aaaa0001:eeee0001 --sql

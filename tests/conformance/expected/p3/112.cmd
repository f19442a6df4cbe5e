upgrade cccc0001:eeee0001 --sql

upgrade heads:eeee0001 --sql

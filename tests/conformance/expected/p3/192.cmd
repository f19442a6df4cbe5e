downgrade head:eeee0001 --sql

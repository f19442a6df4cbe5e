upgrade bbbb0001:eeee0001-1 --sql

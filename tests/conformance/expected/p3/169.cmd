upgrade bbbb0001:cccc0001 --sql

upgrade bbbb0002:cccc0001 --sql

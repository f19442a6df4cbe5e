downgrade eeee0001:bbbb0001 --sql

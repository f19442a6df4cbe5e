downgrade bbbb0001:bbbb0001-2 --sql

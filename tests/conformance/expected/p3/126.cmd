downgrade bbbb0001:aaaa0001 --sql

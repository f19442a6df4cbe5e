downgrade bbbb0001:nosuch --sql

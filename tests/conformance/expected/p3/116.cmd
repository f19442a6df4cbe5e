upgrade bbbb0001:heads --sql

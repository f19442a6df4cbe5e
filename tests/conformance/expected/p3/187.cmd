upgrade heads:bbbb0001 --sql

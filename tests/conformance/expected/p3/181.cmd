downgrade heads:bbbb0001 --sql

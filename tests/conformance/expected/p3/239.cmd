upgrade aaaa0001:bbbb0001-1 --sql

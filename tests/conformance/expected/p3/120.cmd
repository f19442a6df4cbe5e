upgrade aaaa0001:+1 --sql

upgrade aaaa0001:nosuch --sql

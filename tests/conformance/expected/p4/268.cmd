upgrade a1000001:nosuch --sql

upgrade n1000001:nosuch --sql

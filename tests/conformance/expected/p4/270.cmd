upgrade z1000001:nosuch --sql

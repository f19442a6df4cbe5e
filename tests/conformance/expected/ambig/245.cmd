downgrade f00dcafe0001:nosuch --sql

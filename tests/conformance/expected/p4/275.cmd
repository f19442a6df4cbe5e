downgrade n1000003:nosuch --sql

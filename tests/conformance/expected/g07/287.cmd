downgrade f9:nosuch --sql

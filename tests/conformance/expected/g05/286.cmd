downgrade f7f3f0e3cd97:nosuch --sql

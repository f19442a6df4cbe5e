downgrade b9b9b9b9:nosuch --sql

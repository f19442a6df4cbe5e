downgrade a1000002:nosuch --sql

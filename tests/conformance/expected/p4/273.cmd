downgrade a1000004:nosuch --sql

downgrade e8d5d52d5759:nosuch --sql

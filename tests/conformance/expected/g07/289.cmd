downgrade 7403e93f4a5a:nosuch --sql

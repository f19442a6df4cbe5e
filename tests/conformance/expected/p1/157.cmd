downgrade ae1027a6acf:nosuch --sql

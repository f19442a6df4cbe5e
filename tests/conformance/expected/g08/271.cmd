downgrade c24f3bf36a14:nosuch --sql

upgrade a1b2c3d4e5f6:nosuch --sql

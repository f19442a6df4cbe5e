downgrade 27c6a30d7c24:nosuch --sql

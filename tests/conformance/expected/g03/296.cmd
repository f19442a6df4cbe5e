downgrade 795b9a9a80fd:nosuch --sql

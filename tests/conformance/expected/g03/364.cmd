downgrade 795b9a9a80fd:795b9a9a80fd-2 --sql

downgrade 795b9a9a80fd:21638b529b4a --sql

upgrade 21638b529b4a:795b9a9a80fd-1 --sql

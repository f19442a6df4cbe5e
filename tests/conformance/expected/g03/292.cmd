upgrade 21638b529b4a:nosuch --sql

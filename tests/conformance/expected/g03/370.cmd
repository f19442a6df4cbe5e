upgrade 21638b529b4a:delta@+2 --sql

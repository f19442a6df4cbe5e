upgrade 21638b529b4a:+1 --sql

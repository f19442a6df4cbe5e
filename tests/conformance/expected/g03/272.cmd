downgrade heads:21638b529b4a --sql

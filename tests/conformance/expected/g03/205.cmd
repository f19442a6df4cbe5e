downgrade 685695c76ab4:21638b529b4a --sql

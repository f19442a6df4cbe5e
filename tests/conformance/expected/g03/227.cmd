stamp --sql 21638b529b4a

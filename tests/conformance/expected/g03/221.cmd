downgrade 633ae0f9e038:21638b529b4a --sql

show 21638b529b4a@head

history -r 21638b529b4a+1:

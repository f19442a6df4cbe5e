merge -m "join" 21638b529b4a 685695c76ab4

history -r :17

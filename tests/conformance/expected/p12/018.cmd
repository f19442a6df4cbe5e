history -r :0

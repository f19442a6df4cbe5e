history -r :0b

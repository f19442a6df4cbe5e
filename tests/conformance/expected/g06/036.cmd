history -r :e1

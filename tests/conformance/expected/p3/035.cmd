history -r :e

history -r :b

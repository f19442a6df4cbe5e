history -r :b8

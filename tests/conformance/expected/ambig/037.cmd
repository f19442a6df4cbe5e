history -r :b9

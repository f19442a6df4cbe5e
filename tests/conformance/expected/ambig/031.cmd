history -r :b9b9b9b9

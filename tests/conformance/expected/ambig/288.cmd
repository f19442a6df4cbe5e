history -r :b9b9b9b9-2

history -r :ab-1

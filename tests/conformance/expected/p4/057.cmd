history -r :a1000003-1

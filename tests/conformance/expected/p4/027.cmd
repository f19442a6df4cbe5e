history -r :a1000001

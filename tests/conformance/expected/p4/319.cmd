history -r :a1000004-2

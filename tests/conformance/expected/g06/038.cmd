history -r :a

history -r :z

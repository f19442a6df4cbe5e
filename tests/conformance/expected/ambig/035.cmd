history -r :x

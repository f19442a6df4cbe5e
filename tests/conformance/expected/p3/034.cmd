history -r :c

history -r :c6

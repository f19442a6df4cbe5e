history -r :d

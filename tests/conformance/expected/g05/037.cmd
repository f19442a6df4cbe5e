history -r :d7

history -r :base

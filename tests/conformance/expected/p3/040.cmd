history -r :base+2

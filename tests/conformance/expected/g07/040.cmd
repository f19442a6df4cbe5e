history -r :f

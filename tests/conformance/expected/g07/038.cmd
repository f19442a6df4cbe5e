history -r :f9

history -r :cd6

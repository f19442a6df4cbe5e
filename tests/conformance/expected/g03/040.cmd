history -r :78

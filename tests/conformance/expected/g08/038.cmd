history -r :66

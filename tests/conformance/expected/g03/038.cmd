history -r :79

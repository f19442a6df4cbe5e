history -r :2

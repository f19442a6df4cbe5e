history -r :7

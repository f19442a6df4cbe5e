history -r :n1000003-2

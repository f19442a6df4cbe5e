history -r :n1000001

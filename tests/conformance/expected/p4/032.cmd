history -r :n1000003

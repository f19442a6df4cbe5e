history -r n1000002:+1

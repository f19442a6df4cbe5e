history -r n1000002:+2

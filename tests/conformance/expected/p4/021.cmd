history -v -r n1000002:n1000003

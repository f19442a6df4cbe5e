history -r a1000002:+1

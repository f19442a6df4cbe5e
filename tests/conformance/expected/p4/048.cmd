history -r a1000001:+2

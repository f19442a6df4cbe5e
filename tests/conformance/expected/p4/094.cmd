history -r a1000003

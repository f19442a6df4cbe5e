history -r a1000004

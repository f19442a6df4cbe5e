history -v -r a1000001:a1000004

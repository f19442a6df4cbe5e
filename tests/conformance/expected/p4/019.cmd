history -v -r a1000002:a1000004

history -r 5d9d0ed99531:b

history -r 5d9d0ed99531:7403e93f4a5a

show 5d9d0ed99531

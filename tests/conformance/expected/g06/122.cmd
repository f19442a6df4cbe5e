show head-1

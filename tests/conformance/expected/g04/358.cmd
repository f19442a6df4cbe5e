show c3e4d9196ada-1

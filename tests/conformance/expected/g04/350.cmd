history -r :c3e4d9196ada-2

history -r :nosuch

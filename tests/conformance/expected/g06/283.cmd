history -r 8a0c89ce5ef7:8a0c89ce5ef7

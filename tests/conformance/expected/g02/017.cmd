history -r 6a27cbf87544:fec32e8d4b8a

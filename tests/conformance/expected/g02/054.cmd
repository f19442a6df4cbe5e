history -r 6a27cbf87544:+2

show 6a27cbf87544

show 852a444adf42

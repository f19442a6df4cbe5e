history -r :451af1d69ed6-2

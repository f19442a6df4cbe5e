show 451af1d69ed6-1

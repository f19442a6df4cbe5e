show 1975

show 60

show 17

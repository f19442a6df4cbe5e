show 21

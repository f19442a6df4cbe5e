show 0b

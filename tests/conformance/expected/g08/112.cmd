show 66

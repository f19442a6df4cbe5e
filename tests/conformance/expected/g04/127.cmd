show 1710

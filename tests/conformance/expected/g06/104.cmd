show 14a0

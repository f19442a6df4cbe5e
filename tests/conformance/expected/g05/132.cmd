show 87b0

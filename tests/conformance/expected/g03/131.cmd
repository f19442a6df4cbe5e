show 79

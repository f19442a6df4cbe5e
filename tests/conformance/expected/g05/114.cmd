show 21da206f5c66

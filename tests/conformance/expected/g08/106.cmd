show 6018

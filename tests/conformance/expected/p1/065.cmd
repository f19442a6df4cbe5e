show 27c6

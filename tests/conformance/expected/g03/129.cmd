show 9b08

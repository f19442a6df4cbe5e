show 6bd04d100d8f

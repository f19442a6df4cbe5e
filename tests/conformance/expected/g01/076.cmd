show e4b00741c7a8

show n100000

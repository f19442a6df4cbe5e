show 2a9edf561d80

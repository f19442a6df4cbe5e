show a02fad864c44

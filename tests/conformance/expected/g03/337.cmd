history -r 93b0cd085b71:93b0cd085b71

show zz@93b0cd085b71

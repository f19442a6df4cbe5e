show zz

show zz@a1000003

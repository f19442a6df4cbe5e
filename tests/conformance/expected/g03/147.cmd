show zz@-1

show zz@+1

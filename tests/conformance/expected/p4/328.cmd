show core@+1

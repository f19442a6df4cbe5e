show gamma@+1

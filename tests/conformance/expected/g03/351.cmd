show delta@+1

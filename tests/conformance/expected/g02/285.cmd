show ext@+1

show billing@+1

upgrade f1cf16df6486:gamma@+2 --sql

upgrade f1cf16df6486:+1 --sql

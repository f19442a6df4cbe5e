upgrade f1cf16df6486:nosuch --sql

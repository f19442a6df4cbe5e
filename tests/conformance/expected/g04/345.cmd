history -r f1cf16df6486:f1cf16df6486

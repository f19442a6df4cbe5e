show gamma@f1cf16df6486

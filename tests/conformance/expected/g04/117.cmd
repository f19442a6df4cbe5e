show f1cf16df6486

stamp --sql f1cf16df6486

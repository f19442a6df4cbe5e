history -r f1cf16df6486+1:

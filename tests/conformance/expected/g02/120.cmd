show ext@-1

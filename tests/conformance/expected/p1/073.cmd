show -2

show -1

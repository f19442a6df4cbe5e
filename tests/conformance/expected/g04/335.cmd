online: upgrade f1cf16df6486 ; history -i ; show current ; history -r current: ; history -r :current ; history -v -i -r current:

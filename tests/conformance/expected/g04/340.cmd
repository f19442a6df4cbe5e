online: upgrade heads ; downgrade f1cf16df6486 ; history -i ; show current ; history -r current:heads ; stamp --purge c3e4d9196ada ; history -i

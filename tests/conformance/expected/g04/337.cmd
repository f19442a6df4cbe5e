online: upgrade heads ; downgrade 42a0ce80c4b0 ; history -i ; show current ; history -r current:heads ; stamp --purge c3e4d9196ada ; history -i

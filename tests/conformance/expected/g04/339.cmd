online: upgrade heads ; downgrade 0690ed6f0b09 ; history -i ; show current ; history -r current:heads ; stamp --purge 42a0ce80c4b0 ; history -i

online: upgrade heads ; downgrade b8a11a6916c7 ; history -i ; show current ; history -r current:heads ; stamp --purge 42a0ce80c4b0 ; history -i

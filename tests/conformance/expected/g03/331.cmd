online: upgrade heads ; downgrade 3b5f268ecc45 ; history -i ; show current ; history -r current:heads ; stamp --purge 5636e779c470 ; history -i

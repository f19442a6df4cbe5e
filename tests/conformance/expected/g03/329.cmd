online: upgrade heads ; downgrade 685695c76ab4 ; history -i ; show current ; history -r current:heads ; stamp --purge 5636e779c470 ; history -i

online: upgrade heads ; downgrade 93b0cd085b71 ; history -i ; show current ; history -r current:heads ; stamp --purge 685695c76ab4 ; history -i

online: upgrade heads ; downgrade 43001b2ed40e ; history -i ; show current ; history -r current:heads ; stamp --purge 14c10b11ad28 ; history -i

online: upgrade heads ; downgrade 21638b529b4a ; history -i ; show current ; history -r current:heads ; stamp --purge 685695c76ab4 ; history -i

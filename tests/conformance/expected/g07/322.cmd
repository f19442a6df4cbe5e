online: upgrade heads ; downgrade 119a74c9df6a ; history -i ; show current ; history -r current:heads ; stamp --purge 451af1d69ed6 ; history -i

online: upgrade heads ; downgrade 9be449b64a08 ; history -i ; show current ; history -r current:heads ; stamp --purge 451af1d69ed6 ; history -i

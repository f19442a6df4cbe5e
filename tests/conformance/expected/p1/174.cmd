online: upgrade heads ; downgrade 27c6a30d7c24 ; history -i ; show current ; history -r current:heads ; stamp --purge 27c6a30d7c24 ; history -i

online: upgrade heads ; downgrade f00dcafe0001 ; history -i ; show current ; history -r current:heads ; stamp --purge b9b9b9b9 ; history -i

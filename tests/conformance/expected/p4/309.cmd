online: upgrade heads ; downgrade n1000001 ; history -i ; show current ; history -r current:heads ; stamp --purge n1000003 ; history -i

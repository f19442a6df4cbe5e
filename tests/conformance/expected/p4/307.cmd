online: upgrade heads ; downgrade a1000004 ; history -i ; show current ; history -r current:heads ; stamp --purge n1000003 ; history -i

online: upgrade heads ; downgrade a1000001 ; history -i ; show current ; history -r current:heads ; stamp --purge a1000004 ; history -i

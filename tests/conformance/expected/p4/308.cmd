online: upgrade heads ; downgrade a1000003 ; history -i ; show current ; history -r current:heads ; stamp --purge a1000004 ; history -i

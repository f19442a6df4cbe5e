online: upgrade heads ; downgrade aaaa0001 ; history -i ; show current ; history -r current:heads ; stamp --purge eeee0001 ; history -i

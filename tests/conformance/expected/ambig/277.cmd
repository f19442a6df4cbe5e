online: upgrade heads ; downgrade f00dbeef0003 ; history -i ; show current ; history -r current:heads ; stamp --purge b9b9b9b9 ; history -i

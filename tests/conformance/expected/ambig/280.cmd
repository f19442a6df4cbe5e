online: upgrade heads ; downgrade b9b9b9b9 ; history -i ; show current ; history -r current:heads ; stamp --purge f00dbeef0003 ; history -i

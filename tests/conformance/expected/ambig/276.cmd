online: upgrade heads ; downgrade abcd1111 ; history -i ; show current ; history -r current:heads ; stamp --purge f00dbeef0003 ; history -i

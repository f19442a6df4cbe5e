online: upgrade heads ; downgrade ab ; history -i ; show current ; history -r current:heads ; stamp --purge f00dbeef0003 ; history -i

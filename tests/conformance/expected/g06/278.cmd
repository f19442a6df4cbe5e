online: upgrade heads ; downgrade 8a0c89ce5ef7 ; history -i ; show current ; history -r current:heads ; stamp --purge 5c83a22ba4d7 ; history -i

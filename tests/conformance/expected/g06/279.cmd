online: upgrade heads ; downgrade 7d2445cbe1a2 ; history -i ; show current ; history -r current:heads ; stamp --purge 5c41e9a51fb2 ; history -i

online: upgrade heads ; downgrade 5c41e9a51fb2 ; history -i ; show current ; history -r current:heads ; stamp --purge a502b2aaf854 ; history -i

online: upgrade heads ; downgrade 5c83a22ba4d7 ; history -i ; show current ; history -r current:heads ; stamp --purge a502b2aaf854 ; history -i

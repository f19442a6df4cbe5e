online: upgrade heads ; downgrade 92b87eb72f82 ; history -i ; show current ; history -r current:heads ; stamp --purge 844da65423a9 ; history -i

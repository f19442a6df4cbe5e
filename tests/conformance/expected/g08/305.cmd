online: upgrade heads ; downgrade 844da65423a9 ; history -i ; show current ; history -r current:heads ; stamp --purge a9b71d1d784f ; history -i

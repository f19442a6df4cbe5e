online: upgrade heads ; downgrade 6018f658f7a7 ; history -i ; show current ; history -r current:heads ; stamp --purge a9b71d1d784f ; history -i

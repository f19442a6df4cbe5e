online: upgrade heads ; downgrade 3fd492edcf45 ; history -i ; show current ; history -r current:heads ; stamp --purge 78f87b3120df ; history -i

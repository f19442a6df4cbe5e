online: upgrade heads ; downgrade 78f87b3120df ; history -i ; show current ; history -r current:heads ; stamp --purge 78f87b3120df ; history -i

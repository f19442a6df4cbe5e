online: upgrade heads ; downgrade 5bc8bde5c099 ; history -i ; show current ; history -r current:heads ; stamp --purge 78f87b3120df ; history -i

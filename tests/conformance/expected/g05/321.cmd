online: upgrade heads ; downgrade f7f3f0e3cd97 ; history -i ; show current ; history -r current:heads ; stamp --purge 78f87b3120df ; history -i

online: upgrade heads ; downgrade de11ea959c21 ; history -i ; show current ; history -r current:heads ; stamp --purge 78f87b3120df ; history -i

online: upgrade heads ; downgrade a9b71d1d784f ; history -i ; show current ; history -r current:heads ; stamp --purge d45c9ec353c1 ; history -i

online: upgrade heads ; downgrade b ; history -i ; show current ; history -r current:heads ; stamp --purge 119a74c9df6a ; history -i

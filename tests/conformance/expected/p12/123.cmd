online: upgrade heads ; downgrade 0f1e2d3c4b5a ; history -i ; show current ; history -r current:heads ; stamp --purge 0f1e2d3c4b5a ; history -i

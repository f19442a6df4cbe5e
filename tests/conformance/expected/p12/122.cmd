online: upgrade heads ; downgrade a1b2c3d4e5f6 ; history -i ; show current ; history -r current:heads ; stamp --purge 0f1e2d3c4b5a ; history -i

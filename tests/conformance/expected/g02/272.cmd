online: upgrade heads ; downgrade cdbd64be8049 ; history -i ; show current ; history -r current:heads ; stamp --purge e892e8168561 ; history -i

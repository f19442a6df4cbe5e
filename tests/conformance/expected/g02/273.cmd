online: upgrade heads ; downgrade e252e44c5055 ; history -i ; show current ; history -r current:heads ; stamp --purge e892e8168561 ; history -i

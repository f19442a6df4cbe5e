online: upgrade heads ; downgrade 5d300706a045 ; history -i ; show current ; history -r current:heads ; stamp --purge e892e8168561 ; history -i

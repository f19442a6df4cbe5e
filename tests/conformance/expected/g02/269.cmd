online: upgrade heads ; downgrade d95bf2a4d27b ; history -i ; show current ; history -r current:heads ; stamp --purge e892e8168561 ; history -i

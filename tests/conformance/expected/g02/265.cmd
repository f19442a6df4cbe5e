online: upgrade e892e8168561 ; history -i ; show current ; history -r current: ; history -r :current ; history -v -i -r current:

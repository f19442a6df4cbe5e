online: upgrade aaaa0001 ; history -i ; show current ; history -r current: ; history -r :current ; history -v -i -r current:

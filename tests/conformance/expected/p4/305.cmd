online: upgrade z1000001 ; history -i ; show current ; history -r current: ; history -r :current ; history -v -i -r current:

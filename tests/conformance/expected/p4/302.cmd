online: upgrade a1000004 ; history -i ; show current ; history -r current: ; history -r :current ; history -v -i -r current:

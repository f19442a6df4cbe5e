online: upgrade 8a0c89ce5ef7 ; history -i ; show current ; history -r current: ; history -r :current ; history -v -i -r current:

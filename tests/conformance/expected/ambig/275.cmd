online: upgrade b9b9b9b9 ; history -i ; show current ; history -r current: ; history -r :current ; history -v -i -r current:

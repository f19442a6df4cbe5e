online: upgrade b ; history -i ; show current ; history -r current: ; history -r :current ; history -v -i -r current:

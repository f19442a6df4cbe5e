online: upgrade b8a11a6916c7 ; history -i ; show current ; history -r current: ; history -r :current ; history -v -i -r current:

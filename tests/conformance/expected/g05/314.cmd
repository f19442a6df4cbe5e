online: upgrade 3fd492edcf45 ; history -i ; show current ; history -r current: ; history -r :current ; history -v -i -r current:

online: upgrade 93b0cd085b71 ; history -i ; show current ; history -r current: ; history -r :current ; history -v -i -r current:

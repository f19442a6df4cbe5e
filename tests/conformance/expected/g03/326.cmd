online: upgrade 3b5f268ecc45 ; history -i ; show current ; history -r current: ; history -r :current ; history -v -i -r current:

online: upgrade 27c6a30d7c24 ; history -i ; show current ; history -r current: ; history -r :current ; history -v -i -r current:

online: upgrade 35bfc9e9c616 ; history -i ; show current ; history -r current: ; history -r :current ; history -v -i -r current:

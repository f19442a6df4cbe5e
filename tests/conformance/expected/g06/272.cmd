online: upgrade 5c41e9a51fb2 ; history -i ; show current ; history -r current: ; history -r :current ; history -v -i -r current:

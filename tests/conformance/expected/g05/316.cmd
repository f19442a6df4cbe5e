online: upgrade f7f3f0e3cd97 ; history -i ; show current ; history -r current: ; history -r :current ; history -v -i -r current:

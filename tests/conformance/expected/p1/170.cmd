online: upgrade 1975ea83b712 ; history -i ; show current ; history -r current: ; history -r :current ; history -v -i -r current:

online: upgrade a1b2c3d4e5f6 ; history -i ; show current ; history -r current: ; history -r :current ; history -v -i -r current:

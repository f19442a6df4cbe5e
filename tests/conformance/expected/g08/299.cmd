online: upgrade a9b71d1d784f ; history -i ; show current ; history -r current: ; history -r :current ; history -v -i -r current:

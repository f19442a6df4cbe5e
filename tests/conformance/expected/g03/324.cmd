online: upgrade 685695c76ab4 ; history -i ; show current ; history -r current: ; history -r :current ; history -v -i -r current:

online: upgrade 844da65423a9 ; history -i ; show current ; history -r current: ; history -r :current ; history -v -i -r current:

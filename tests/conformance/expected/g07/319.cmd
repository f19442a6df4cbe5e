online: upgrade 4ef892276658 ; history -i ; show current ; history -r current: ; history -r :current ; history -v -i -r current:

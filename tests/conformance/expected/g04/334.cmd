online: upgrade 0690ed6f0b09 ; history -i ; show current ; history -r current: ; history -r :current ; history -v -i -r current:

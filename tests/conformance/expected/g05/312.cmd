online: upgrade 5bc8bde5c099 ; history -i ; show current ; history -r current: ; history -r :current ; history -v -i -r current:

online: upgrade cdbd64be8049 ; history -i ; show current ; history -r current: ; history -r :current ; history -v -i -r current:

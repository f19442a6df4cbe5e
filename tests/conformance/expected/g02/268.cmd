online: upgrade e252e44c5055 ; history -i ; show current ; history -r current: ; history -r :current ; history -v -i -r current:

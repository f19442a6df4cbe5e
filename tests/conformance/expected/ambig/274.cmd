online: upgrade f00dcafe0001 ; history -i ; show current ; history -r current: ; history -r :current ; history -v -i -r current:

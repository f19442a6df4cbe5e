online: upgrade 3926f28c105d ; history -i ; show current ; history -r current: ; history -r :current ; history -v -i -r current:

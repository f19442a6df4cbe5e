online: upgrade 0f1e2d3c4b5a ; history -i ; show current ; history -r current: ; history -r :current ; history -v -i -r current:

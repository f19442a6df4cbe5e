online: upgrade 9be449b64a08 ; history -i ; show current ; history -r current: ; history -r :current ; history -v -i -r current:

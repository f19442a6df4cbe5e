online: upgrade 92b87eb72f82 ; history -i ; show current ; history -r current: ; history -r :current ; history -v -i -r current:

online: upgrade 5d300706a045 ; history -i ; show current ; history -r current: ; history -r :current ; history -v -i -r current:

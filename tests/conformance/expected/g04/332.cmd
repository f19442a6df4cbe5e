online: upgrade 42a0ce80c4b0 ; history -i ; show current ; history -r current: ; history -r :current ; history -v -i -r current:

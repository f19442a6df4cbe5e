online: upgrade 5c83a22ba4d7 ; history -i ; show current ; history -r current: ; history -r :current ; history -v -i -r current:

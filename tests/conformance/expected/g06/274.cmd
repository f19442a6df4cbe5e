online: upgrade 7d2445cbe1a2 ; history -i ; show current ; history -r current: ; history -r :current ; history -v -i -r current:

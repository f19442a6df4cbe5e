online: upgrade 43001b2ed40e ; history -i ; show current ; history -r current: ; history -r :current ; history -v -i -r current:

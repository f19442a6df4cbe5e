online: upgrade 14a0d26b9496 ; history -i ; show current ; history -r current: ; history -r :current ; history -v -i -r current:

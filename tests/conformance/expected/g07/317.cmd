online: upgrade 119a74c9df6a ; history -i ; show current ; history -r current: ; history -r :current ; history -v -i -r current:

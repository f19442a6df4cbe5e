online: upgrade 21638b529b4a ; history -i ; show current ; history -r current: ; history -r :current ; history -v -i -r current:

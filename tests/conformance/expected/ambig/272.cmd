online: upgrade f00dbeef0003 ; history -i ; show current ; history -r current: ; history -r :current ; history -v -i -r current:

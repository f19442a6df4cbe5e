online: upgrade ae1027a6acf ; history -i ; show current ; history -r current: ; history -r :current ; history -v -i -r current:

online: upgrade cd44b8b6d8fe ; history -i ; show current ; history -r current: ; history -r :current ; history -v -i -r current:

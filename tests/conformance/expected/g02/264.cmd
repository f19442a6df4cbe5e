online: upgrade d95bf2a4d27b ; history -i ; show current ; history -r current: ; history -r :current ; history -v -i -r current:

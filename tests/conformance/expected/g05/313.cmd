online: upgrade 78f87b3120df ; history -i ; show current ; history -r current: ; history -r :current ; history -v -i -r current:

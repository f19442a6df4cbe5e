online: upgrade cd61d8f16adf ; history -i ; show current ; history -r current: ; history -r :current ; history -v -i -r current:

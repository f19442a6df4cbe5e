online: upgrade 633ae0f9e038 ; history -i ; show current ; history -r current: ; history -r :current ; history -v -i -r current:

online: upgrade 6018f658f7a7 ; history -i ; show current ; history -r current: ; history -r :current ; history -v -i -r current:

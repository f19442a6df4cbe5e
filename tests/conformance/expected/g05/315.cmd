online: upgrade de11ea959c21 ; history -i ; show current ; history -r current: ; history -r :current ; history -v -i -r current:

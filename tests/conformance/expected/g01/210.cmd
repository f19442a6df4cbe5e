online: upgrade afbd619699cf ; history -i ; show current ; history -r current: ; history -r :current ; history -v -i -r current:

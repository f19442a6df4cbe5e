online: upgrade heads ; downgrade 35bfc9e9c616 ; history -i ; show current ; history -r current:heads ; stamp --purge afbd619699cf ; history -i

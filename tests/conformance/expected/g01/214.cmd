online: upgrade heads ; downgrade afbd619699cf ; history -i ; show current ; history -r current:heads ; stamp --purge afbd619699cf ; history -i

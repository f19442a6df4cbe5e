online: upgrade heads ; downgrade cd44b8b6d8fe ; history -i ; show current ; history -r current:heads ; stamp --purge afbd619699cf ; history -i

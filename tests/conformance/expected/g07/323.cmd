online: upgrade heads ; downgrade 3926f28c105d ; history -i ; show current ; history -r current:heads ; stamp --purge 7403e93f4a5a ; history -i

online: upgrade heads ; downgrade 14a0d26b9496 ; history -i ; show current ; history -r current:heads ; stamp --purge 5c41e9a51fb2 ; history -i

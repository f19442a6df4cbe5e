online: upgrade heads ; downgrade 633ae0f9e038 ; history -i ; show current ; history -r current:heads ; stamp --purge 685695c76ab4 ; history -i

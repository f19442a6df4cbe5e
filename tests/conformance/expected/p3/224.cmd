online: upgrade heads ; downgrade bbbb0001 ; history -i ; show current ; history -r current:heads ; stamp --purge eeee0001 ; history -i

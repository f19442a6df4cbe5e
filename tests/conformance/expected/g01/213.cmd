online: upgrade heads ; downgrade cd61d8f16adf ; history -i ; show current ; history -r current:heads ; stamp --purge afbd619699cf ; history -i

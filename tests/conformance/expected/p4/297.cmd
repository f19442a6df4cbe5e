online: upgrade nosuch ; upgrade n100000 ; upgrade +2 ; downgrade +1 ; downgrade -5 ; upgrade head:base

online: upgrade nosuch ; upgrade 096d ; upgrade +2 ; downgrade +1 ; downgrade -5 ; upgrade head:base

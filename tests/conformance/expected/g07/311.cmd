online: upgrade nosuch ; upgrade 5d9d ; upgrade +2 ; downgrade +1 ; downgrade -5 ; upgrade head:base

online: upgrade nosuch ; upgrade a100 ; upgrade +2 ; downgrade +1 ; downgrade -5 ; upgrade head:base

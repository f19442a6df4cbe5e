online: upgrade nosuch ; upgrade 7403e ; upgrade +2 ; downgrade +1 ; downgrade -5 ; upgrade head:base

online: upgrade nosuch ; upgrade 7d2445c ; upgrade +2 ; downgrade +1 ; downgrade -5 ; upgrade head:base

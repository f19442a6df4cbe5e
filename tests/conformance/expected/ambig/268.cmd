online: upgrade nosuch ; upgrade f00dcafe000 ; upgrade +2 ; downgrade +1 ; downgrade -5 ; upgrade head:base

online: upgrade nosuch ; upgrade abcd ; upgrade +2 ; downgrade +1 ; downgrade -5 ; upgrade head:base

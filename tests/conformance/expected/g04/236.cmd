stamp --sql 43001b2ed40e

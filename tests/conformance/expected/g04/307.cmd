stamp --sql head:43001b2ed40e

show billing@43001b2ed40e

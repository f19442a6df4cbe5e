history -r 43001b2ed40e:43001b2ed40e

history -r 43001b2ed40e:b8a11a6916c7

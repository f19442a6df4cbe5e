merge -m "join" 43001b2ed40e c3e4d9196ada

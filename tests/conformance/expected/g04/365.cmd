upgrade b8a11a6916c7:43001b2ed40e-1 --sql

upgrade heads:43001b2ed40e --sql

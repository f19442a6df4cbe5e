downgrade 43001b2ed40e:nosuch --sql

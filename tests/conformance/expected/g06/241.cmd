upgrade 14a0d26b9496:nosuch --sql

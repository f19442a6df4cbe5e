upgrade 14a0d26b9496:e8d5d52d5759-1 --sql

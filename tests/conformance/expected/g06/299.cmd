upgrade 14a0d26b9496:096d42f9a039-1 --sql

stamp --sql 14a0d26b9496

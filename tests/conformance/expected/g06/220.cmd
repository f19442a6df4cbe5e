downgrade heads:14a0d26b9496 --sql

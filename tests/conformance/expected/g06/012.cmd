history -r e8d5d52d5759:14a0d26b9496

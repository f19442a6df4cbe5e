history -r 14a0d26b9496+1:

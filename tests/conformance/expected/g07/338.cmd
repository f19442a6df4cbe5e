history -r heads:heads

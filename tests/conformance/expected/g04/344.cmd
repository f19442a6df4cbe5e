history -r 0690ed6f0b09:0690ed6f0b09

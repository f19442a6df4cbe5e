show 0690ed6f0b09

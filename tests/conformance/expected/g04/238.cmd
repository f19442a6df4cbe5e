stamp --sql 0690ed6f0b09

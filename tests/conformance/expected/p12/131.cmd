upgrade a1b2c3d4e5f6:0f1e2d3c4b5a-1 --sql

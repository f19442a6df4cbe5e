upgrade heads:0f1e2d3c4b5a --sql

upgrade heads:7403e93f4a5a --sql

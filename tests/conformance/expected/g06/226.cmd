upgrade heads:e8d5d52d5759 --sql

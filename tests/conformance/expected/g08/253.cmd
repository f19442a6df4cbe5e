upgrade heads:1607b0f91306 --sql

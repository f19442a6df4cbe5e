upgrade heads:abcd2222 --sql

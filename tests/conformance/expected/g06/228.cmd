upgrade heads:b31a71f970cf --sql

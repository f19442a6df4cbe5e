upgrade heads:171027ac435a --sql

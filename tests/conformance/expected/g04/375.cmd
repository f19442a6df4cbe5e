downgrade 171027ac435a:171027ac435a-2 --sql

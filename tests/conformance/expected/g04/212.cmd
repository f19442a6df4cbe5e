downgrade 171027ac435a:b8a11a6916c7 --sql

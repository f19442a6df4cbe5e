downgrade 171027ac435a:nosuch --sql

upgrade b8a11a6916c7:171027ac435a-1 --sql

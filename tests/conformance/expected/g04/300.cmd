upgrade 42784e1bcb38:nosuch --sql

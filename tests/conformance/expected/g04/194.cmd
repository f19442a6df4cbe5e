upgrade 42784e1bcb38:+1 --sql

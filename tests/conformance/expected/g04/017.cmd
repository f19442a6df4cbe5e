history -r 14c10b11ad28:42784e1bcb38

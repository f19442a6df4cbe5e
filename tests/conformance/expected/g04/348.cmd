history -r 42784e1bcb38+1:

show 42784e1bcb38

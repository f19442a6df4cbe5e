history -r b9:b9b9b9b9

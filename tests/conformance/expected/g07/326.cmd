history -r b:b

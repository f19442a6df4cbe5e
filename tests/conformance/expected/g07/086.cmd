history -r b

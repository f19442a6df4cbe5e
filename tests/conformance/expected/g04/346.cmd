history -r b8a11a6916c7+1:

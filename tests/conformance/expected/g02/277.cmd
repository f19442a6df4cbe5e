history -r cdbd64be8049:cdbd64be8049

history -r 099936:

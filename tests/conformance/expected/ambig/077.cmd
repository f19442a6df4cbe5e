history -r abcdlabel:

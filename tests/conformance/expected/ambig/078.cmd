history -r abcdlabel@-1:

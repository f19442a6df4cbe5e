history -r abcdlabel@base:

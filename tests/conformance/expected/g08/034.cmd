history -r cfaf:

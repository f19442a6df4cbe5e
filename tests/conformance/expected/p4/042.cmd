history -r head:

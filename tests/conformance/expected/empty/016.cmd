history -r heads:

history -r ab:

history -r bbbb:

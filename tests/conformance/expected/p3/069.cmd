history -r bbbb000:

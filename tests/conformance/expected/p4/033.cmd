history -r z100:

history -r cccc:

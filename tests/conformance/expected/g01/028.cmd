history -r cd61:

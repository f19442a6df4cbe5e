history -r ae10:

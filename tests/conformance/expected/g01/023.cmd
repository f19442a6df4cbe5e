history -r cd44b8b6d8fe:

history -r cd44b8b6d8fe:cd44b8b6d8fe

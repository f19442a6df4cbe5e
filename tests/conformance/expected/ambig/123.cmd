show abcd1111@head

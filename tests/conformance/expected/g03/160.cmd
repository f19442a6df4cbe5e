show 5636e779c470@head

show 844da65423a9@head

show zz@head

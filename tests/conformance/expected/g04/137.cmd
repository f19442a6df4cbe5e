show gamma@head

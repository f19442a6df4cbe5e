show nosuch@head

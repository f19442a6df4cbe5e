show z1000001@head

show n1000001@head

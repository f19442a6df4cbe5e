show n1000003@head

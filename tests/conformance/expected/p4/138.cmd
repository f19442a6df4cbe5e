show a1000001@head

show aaaa0001@head

history -r :gamma@head

show b@head

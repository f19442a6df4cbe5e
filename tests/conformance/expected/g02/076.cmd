history -r :ext@head

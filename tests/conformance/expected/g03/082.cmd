history -r :alpha@head

history -r :billing@head

history -r :delta@head

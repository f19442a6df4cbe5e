history -r :zz@head

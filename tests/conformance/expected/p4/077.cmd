history -r :netlib@head

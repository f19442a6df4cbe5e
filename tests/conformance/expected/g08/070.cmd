history -r delta@base:delta@head

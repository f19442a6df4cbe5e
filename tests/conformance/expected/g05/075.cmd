history -r gamma@base:gamma@head

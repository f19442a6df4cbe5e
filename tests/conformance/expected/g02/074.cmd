history -r ext@base:ext@head

history -r billing@base:billing@head

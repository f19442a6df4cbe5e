history -r billing@base:

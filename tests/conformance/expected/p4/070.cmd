history -r core@base:core@head

history -r core@base:

show core@base

show gamma@base

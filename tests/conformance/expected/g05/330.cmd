history -r gamma@base:gamma@+1

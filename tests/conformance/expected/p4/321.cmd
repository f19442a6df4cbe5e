history -r core@base:core@+1

history -r delta@base:delta@+1

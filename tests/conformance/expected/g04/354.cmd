history -r billing@base:billing@+1

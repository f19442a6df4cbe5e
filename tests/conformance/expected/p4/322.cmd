history -r netlib@base:netlib@+1

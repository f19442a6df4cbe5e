show netlib@-1

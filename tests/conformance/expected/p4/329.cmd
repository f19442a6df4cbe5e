show netlib@+1

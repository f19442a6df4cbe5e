show netlib@a1000004

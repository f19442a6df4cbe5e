show netlib@z1000001

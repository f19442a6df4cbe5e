upgrade n1000001:netlib@+2 --sql

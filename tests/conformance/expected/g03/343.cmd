history -r zz@base:zz@+1

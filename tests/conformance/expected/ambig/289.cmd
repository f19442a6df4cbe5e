history -r abcdlabel@base:abcdlabel@+1

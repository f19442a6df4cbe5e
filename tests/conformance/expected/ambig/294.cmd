show abcdlabel@+1

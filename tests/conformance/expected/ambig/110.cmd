show abcdlabel@-1

show abcdlabel@f00dbeef0003

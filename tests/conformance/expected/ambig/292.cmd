show f00dbeef0003-1

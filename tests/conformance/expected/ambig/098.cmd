show f00dbeef0003

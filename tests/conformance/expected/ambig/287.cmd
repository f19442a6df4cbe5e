history -r :f00dbeef0003-2
